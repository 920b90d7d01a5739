import type { Stage } from '../model/stage.js';
import { parseDates } from './parse-dates.js';

export { parseDates } from './parse-dates.js';

export const dateStage: Stage = {
  name: 'dates',
  run(doc) {
    doc.dates = parseDates(doc.text, doc.published);
  },
};
