/**
 * An article as the store writes it: the columns it fills (metadata, text, events) with every other
 * layer already packed. Pipeline workers pack their articles themselves, so the storing thread neither
 * deflates (0.2-0.4 ms an article) nor receives the sentence, entity, place and date layers (the bulk
 * of an article, about ten times its text) through structured clone.
 */
import { deflateRawSync } from 'node:zlib';
import type { Article, EventSpan } from '../model/types.js';

export interface PackedArticle {
  id: string;
  title: string | null;
  published: string | null;
  url: string | null;
  dateline: string | null;
  sourcePath: string;
  text: string;
  events: EventSpan[];
  /** The article's JSON without its text, deflated: `articles.doc` byte for byte (see unpackLayers). */
  layers: Uint8Array;
}

/**
 * Layers compress about five to one; writing a fifth of the bytes is what makes the store's commits
 * and WAL checkpoints cheap. Fastest level: the bytes a higher one saves cost more time than they save.
 */
export function packArticle(article: Article): PackedArticle {
  const { text, ...layers } = article;
  const deflated = deflateRawSync(JSON.stringify(layers), { level: 1 });
  return {
    id: article.id,
    title: article.title,
    published: article.published,
    url: article.url,
    dateline: article.dateline,
    sourcePath: article.source.path,
    text,
    events: article.events,
    // An exact-size copy: a view into a larger buffer would be cloned (or transferred) whole.
    layers: new Uint8Array(deflated),
  };
}

export function isPackedArticle(article: Article | PackedArticle): article is PackedArticle {
  return (article as PackedArticle).layers instanceof Uint8Array;
}
