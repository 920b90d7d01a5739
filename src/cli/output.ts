import { writeSync } from 'node:fs';

/**
 * Synchronous, EAGAIN-tolerant writes to a file descriptor, so that a large document on a pipe is
 * complete before the process exits. A closed pipe (`sitrep ... | head`) ends the output quietly.
 */
export function fdWriter(fd: number): (chunk: string) => void {
  return (chunk) => {
    const buffer = Buffer.from(chunk);
    let offset = 0;
    while (offset < buffer.length) {
      try {
        offset += writeSync(fd, buffer, offset);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') continue;
        if (code === 'EPIPE') return;
        throw error;
      }
    }
  };
}
