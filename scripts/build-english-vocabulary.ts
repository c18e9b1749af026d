// `npm run build:vocabulary`: writes src/lexicon/data/english-vocabulary.txt from the bundled CC-CEDICT
// (run it after updating the dictionary or the English stemmer; a test says when it is needed).
import { writeFileSync } from 'node:fs';
import { buildEnglishVocabulary, englishVocabularyPath } from '../src/lexicon/english-vocabulary.js';

const stems = buildEnglishVocabulary();
writeFileSync(englishVocabularyPath(), `${stems.join('\n')}\n`);
process.stdout.write(`${stems.length} stems → ${englishVocabularyPath()}\n`);
