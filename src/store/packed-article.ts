/**
 * An article as the store writes it: the columns it fills (metadata, text, mentions) with every other
 * layer already packed. Pipeline workers pack their articles themselves, so the storing thread neither
 * deflates (0.2-0.4 ms an article) nor receives the sentence, entity, place and date layers (the bulk
 * of an article, about ten times its text) through structured clone.
 */
import { deflateRawSync } from 'node:zlib';
import type { Article } from '../model/types.js';
import { mentionsOf } from '../merge/mentions.js';

export interface PackedArticle {
  id: string;
  title: string | null;
  published: string | null;
  url: string | null;
  dateline: string | null;
  sourcePath: string;
  text: string;
  /**
   * Each event as its mention's JSON (mentionsOf), `mentions.data` byte for byte. Strings because the
   * storing thread needs exactly this text, and because a string crosses from a worker for almost
   * nothing: cloned event objects cost the storing thread about 0.3 ms an article to receive, turn into
   * mentions and stringify, and were slower to read than objects JSON.parse makes.
   */
  mentions: string[];
  /**
   * The article's JSON without its text and with each event as its id only, deflated: `articles.doc`
   * byte for byte (see unpackArticle). The events themselves are in `mentions`.
   */
  layers: Uint8Array;
}

/**
 * Layers compress about five to one; writing a fifth of the bytes is what makes the store's commits
 * and WAL checkpoints cheap. Fastest level: the bytes a higher one saves cost more time than they save.
 */
export function packArticle(article: Article): PackedArticle {
  const { text, ...layers } = article;
  // Events are stored once, as mentions (the merge needs them there): the document keeps their ids in
  // their place, so it is some 40% smaller to serialise and deflate (0.3 ms an article in a worker).
  const deflated = deflateRawSync(JSON.stringify({ ...layers, events: article.events.map((event) => event.id) }), { level: 1 });
  return {
    id: article.id,
    title: article.title,
    published: article.published,
    url: article.url,
    dateline: article.dateline,
    sourcePath: article.source.path,
    text,
    mentions: mentionsOf(article).map((mention) => JSON.stringify(mention)),
    // An exact-size copy: a view into a larger buffer would be cloned (or transferred) whole.
    layers: new Uint8Array(deflated),
  };
}

export function isPackedArticle(article: Article | PackedArticle): article is PackedArticle {
  return (article as PackedArticle).layers instanceof Uint8Array;
}
