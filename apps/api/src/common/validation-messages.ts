/**
 * class-validator's own messages are English (« question must be shorter than or equal to 5000
 * characters »); a DTO rule written without a French message gets one here, so that every field
 * error a person reads is French. Rules that carry their own message (« reason : motif
 * obligatoire ») keep it.
 */

/** The number or the list class-validator put in its English message. */
const numberIn = (message: string) => /(-?\d+(?:\.\d+)?)/.exec(message)?.[1] ?? '?';
const listIn = (message: string) => /following values: (.+)$/.exec(message)?.[1] ?? '';

const FRENCH: Record<string, (message: string) => string> = {
  maxLength: (m) => `${numberIn(m)} caractères au plus`,
  minLength: (m) => `${numberIn(m)} caractères au moins`,
  max: (m) => `valeur supérieure au maximum (${numberIn(m)})`,
  min: (m) => `valeur inférieure au minimum (${numberIn(m)})`,
  arrayMaxSize: (m) => `${numberIn(m)} éléments au plus`,
  arrayMinSize: (m) => `${numberIn(m)} éléments au moins`,
  isIn: (m) => `valeur non admise (valeurs possibles : ${listIn(m)})`,
  isString: () => 'texte attendu',
  isInt: () => 'nombre entier attendu',
  isNumber: () => 'nombre attendu',
  isBoolean: () => 'booléen attendu',
  isArray: () => 'liste attendue',
  isObject: () => 'objet attendu',
  nestedValidation: () => 'objet attendu',
  isEmail: () => 'adresse e-mail invalide',
  isUuid: () => 'identifiant (UUID) attendu',
  matches: () => 'format invalide',
  isNotEmpty: () => 'valeur obligatoire',
  isDefined: () => 'valeur obligatoire',
};

/** class-validator's English messages begin with the property's name and a verb. */
const ENGLISH = /^\S+ (must|should|has|each|is)\b/;

/** The message a person reads for a broken rule on `field`: ours, or a French one for class-validator's. */
export function fieldMessage(rule: string, field: string, message: string): string {
  if (!ENGLISH.test(message)) return message;
  const french = FRENCH[rule];
  return `${field} : ${french ? french(message) : 'valeur invalide'}`;
}
