/**
 * The dashboard's files, served from an allow-list built at startup: src/web/ and the few vendored
 * files from node_modules (Leaflet, topojson-client, world-atlas outlines). No request path is ever
 * joined onto a folder, so there is nothing to traverse. Works offline: nothing comes from a CDN.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  file: string;
  type: string;
  /** Vendored files never change for a given install; ours may change while developing. */
  immutable: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const WEB_DIR = fileURLToPath(new URL('../web/', import.meta.url));

function webAssets(dir: string, prefix: string, into: Map<string, Asset>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) webAssets(file, `${prefix}${entry.name}/`, into);
    else if (TYPES[extname(entry.name)]) into.set(`${prefix}${entry.name}`, { file, type: TYPES[extname(entry.name)], immutable: false });
  }
}

export function dashboardAssets(): Map<string, Asset> {
  const require = createRequire(import.meta.url);
  const assets = new Map<string, Asset>();
  webAssets(WEB_DIR, '/', assets);
  const index = assets.get('/index.html');
  if (index) assets.set('/', index);
  const vendor = (path: string, module: string) =>
    assets.set(path, { file: require.resolve(module), type: TYPES[extname(module)], immutable: true });
  vendor('/vendor/leaflet/leaflet.js', 'leaflet/dist/leaflet.js');
  vendor('/vendor/leaflet/leaflet.css', 'leaflet/dist/leaflet.css');
  vendor('/vendor/topojson-client.min.js', 'topojson-client/dist/topojson-client.min.js');
  // 1:50m outlines: coastlines readable at province zoom, 740 KB once per page load from loopback.
  vendor('/vendor/countries-50m.json', 'world-atlas/countries-50m.json');
  return assets;
}

const cache = new Map<string, Buffer>();

export function readAsset(asset: Asset): Buffer {
  if (!asset.immutable) return readFileSync(asset.file);
  let body = cache.get(asset.file);
  if (!body) {
    body = readFileSync(asset.file);
    cache.set(asset.file, body);
  }
  return body;
}
