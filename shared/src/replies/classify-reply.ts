import { normalizeReply, squeezeRepeats } from './normalize-reply';
import type { ReplyIntent } from './reply-match';
import {
  leadingGreetings,
  noPhrases,
  optOutFillers,
  optOutPhrases,
  optOutWords,
  unsurePhrases,
  yesPhrases,
} from './synonyms';

type Words = readonly string[];

const toWords = (text: string): Words => {
  const normalized = squeezeRepeats(normalizeReply(text));
  return normalized === '' ? [] : normalized.split(' ');
};

type Answer = 'yes' | 'no' | 'unsure';

/**
 * The synonym lists as normalized words, built on first use. Not at module load: workflow code
 * imports this module, and Temporal evaluates a workflow's modules afresh for every workflow it
 * starts or replays — at load this cost ~3 ms of CPU per run, even for runs no text reply reaches.
 */
let tables:
  | {
      answerPhrases: { words: Words; answer: Answer }[];
      greetings: Words[];
      optOutWordSet: Set<string>;
      fillerSet: Set<string>;
      optOutPhraseWords: Words[];
    }
  | undefined;

function synonyms() {
  tables ??= {
    answerPhrases: [
      ...yesPhrases.map((p) => ({ words: toWords(p), answer: 'yes' as const })),
      ...noPhrases.map((p) => ({ words: toWords(p), answer: 'no' as const })),
      ...unsurePhrases.map((p) => ({ words: toWords(p), answer: 'unsure' as const })),
    ].sort((a, b) => b.words.length - a.words.length),
    greetings: leadingGreetings.map(toWords).sort((a, b) => b.length - a.length),
    optOutWordSet: new Set(optOutWords.flatMap(toWords)),
    fillerSet: new Set(optOutFillers.flatMap(toWords)),
    optOutPhraseWords: optOutPhrases.map(toWords),
  };
  return tables;
}

/**
 * What a free-text reply means: 'yes', 'no', 'opt_out' or null when it is not clearly any of them.
 * Opt-out is checked first and wins ("no, baja"). Yes/no is read from how the reply starts,
 * first from its first clause ("No, se me hace caro" is a no) and then from the whole text;
 * doubtful starts ("no sé", "tal vez") are null, not 'no'.
 */
export function classifyReply(text: string): ReplyIntent | null {
  const words = toWords(text);
  if (words.length === 0) return null;
  if (isOptOut(words)) return 'opt_out';
  const firstClause = text.split(/[,.;:!?¡¿\n]/u).find((part) => toWords(part).length > 0) ?? '';
  const fromClause = answerOf(toWords(firstClause));
  if (fromClause === 'yes' || fromClause === 'no') return fromClause;
  const fromWhole = answerOf(words);
  return fromWhole === 'yes' || fromWhole === 'no' ? fromWhole : null;
}

function isOptOut(words: Words): boolean {
  const { optOutPhraseWords, fillerSet, optOutWordSet } = synonyms();
  if (optOutPhraseWords.some((phrase) => containsPhrase(words, phrase))) return true;
  const meaningful = words.filter((word) => !fillerSet.has(word));
  return meaningful.length > 0 && meaningful.every((word) => optOutWordSet.has(word));
}

function answerOf(words: Words): Answer | null {
  const { greetings, answerPhrases } = synonyms();
  const greeting = greetings.find((g) => startsWith(words, g));
  const rest = greeting ? words.slice(greeting.length) : words;
  return answerPhrases.find((entry) => startsWith(rest, entry.words))?.answer ?? null;
}

function startsWith(words: Words, prefix: Words): boolean {
  return prefix.length > 0 && prefix.every((word, i) => words[i] === word);
}

/** Whole-word containment: "de baja" is in "darme de baja ya", "baja" is not in "bajar". */
export function containsPhrase(words: Words, phrase: Words): boolean {
  if (phrase.length === 0) return false;
  for (let start = 0; start + phrase.length <= words.length; start++) {
    if (phrase.every((word, i) => words[start + i] === word)) return true;
  }
  return false;
}
