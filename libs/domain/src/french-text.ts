/**
 * Whether a text meant for people (a refusal, an e-mail, a reminder, a timer summary, an inbox
 * line) reads as written French once assembled from its parts. It finds what assembling breaks:
 * a word or phrase said twice (« La décision La décision d'admissibilité a déjà été rendue … a déjà
 * été rendue »), stray or doubled punctuation, empty parts (« () », « :  ; »), and technical values
 * leaking (undefined, NaN, an ISO timestamp). Pure; the tests run it on every text they produce.
 */

/** Groups of up to four words said twice in a row: « la décision la décision ». */
const DOUBLED = /(?<![\p{L}\d'’-])((?:[\p{L}\d'’-]+\s+){0,3}[\p{L}\d'’-]+)\s+\1(?![\p{L}\d'’-])/iu;
/** A phrase of this many words said twice within one sentence is a sign of a message pasted into another. */
const REPEATED_PHRASE_WORDS = 4;
const WORD = /[\p{L}\d'’-]+/gu;

const STRAY: Array<[RegExp, string]> = [
  [/\s[,.)](?!\d)/u, 'a space before a comma, a period or a closing parenthesis'],
  [/[,;:]\s*[,;:.]/u, 'two punctuation marks in a row'],
  [/(?<!\.)\.\.(?!\.)/u, 'a doubled period'],
  [/\(\s*\)|«\s*»/u, 'an empty parenthesis or quotation'],
  [/[^\S\n]{2,}/u, 'two spaces in a row'],
  [/[^\S\n]$|[^\S\n]\n/mu, 'a space at the end of a line'],
  [
    /[\p{L}\d)»][:;!?](?=\s|$)/u,
    'no space before a colon, semicolon, exclamation or question mark (French typography)',
  ],
  [/[:;,]\s*$/u, 'ends on a colon, semicolon or comma'],
];
const LEAKS = /\b(undefined|null|NaN|Infinity)\b|\[object |\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/u;

export function frenchTextProblems(text: string): string[] {
  const problems: string[] = [];
  if (text.trim() === '') return ['empty text'];
  // Brackets and quotes do not separate words said twice: « [Quali'Coop] Quali'Coop ».
  const doubled = DOUBLED.exec(text.replace(/[[\]()«»"]/gu, ' '));
  if (doubled) problems.push(`said twice: « ${doubled[1]} »`);
  for (const sentence of text.split(/[.!?\n]+/u)) {
    const words = (sentence.toLowerCase().match(WORD) ?? []) as string[];
    const seen = new Set<string>();
    for (let i = 0; i + REPEATED_PHRASE_WORDS <= words.length; i++) {
      const phrase = words.slice(i, i + REPEATED_PHRASE_WORDS).join(' ');
      if (seen.has(phrase)) {
        problems.push(`phrase repeated in one sentence: « ${phrase} »`);
        break;
      }
      seen.add(phrase);
    }
  }
  for (const [pattern, what] of STRAY) if (pattern.test(text)) problems.push(what);
  const leak = LEAKS.exec(text);
  if (leak) problems.push(`technical value shown to people: ${leak[0]}`);
  return problems;
}
