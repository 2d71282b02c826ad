/**
 * What an uploaded file really is, read from its bytes rather than from its name or the type the
 * browser declared. `file-type` reads the magic numbers and, for ZIP containers, the entries that
 * name the format (`[Content_Types].xml` and the main part of an Office Open XML file, the
 * `mimetype` entry of an OpenDocument file); a file is accepted only when its content is one of the
 * formats below and is the format its extension says.
 *
 * Not checked (docs/adr/0009-uploaded-documents.md): whether an office file's XML is well formed,
 * whether it embeds objects or links, and malware in general — the documents are read by people
 * with their own office software, downloaded as attachments, never rendered by the API.
 */
import { extname } from 'node:path';
import type { FieldError } from '../common/problem';

interface AcceptedFormat {
  /** As people name it, in French, with its article. */
  label: string;
  extensions: string[];
  /** The media type stored and served back, whatever the browser declared. */
  mediaType: string;
  /** Other names browsers give it. */
  aliases?: string[];
  /** What file-type reports for such content. */
  detected: string[];
}

/**
 * Office 97–2003 files (.doc, .xls, .ppt) are all OLE2 compound files: their bytes tell them
 * apart from anything else, not from each other.
 */
export const ACCEPTED_FORMATS: AcceptedFormat[] = [
  { label: 'un PDF', extensions: ['.pdf'], mediaType: 'application/pdf', detected: ['pdf'] },
  { label: 'une image PNG', extensions: ['.png'], mediaType: 'image/png', aliases: ['image/x-png'], detected: ['png'] },
  {
    label: 'une image JPEG',
    extensions: ['.jpg', '.jpeg'],
    mediaType: 'image/jpeg',
    aliases: ['image/jpg', 'image/pjpeg'],
    detected: ['jpg'],
  },
  {
    label: 'un document Word',
    extensions: ['.docx'],
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    detected: ['docx'],
  },
  {
    label: 'un classeur Excel',
    extensions: ['.xlsx'],
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    detected: ['xlsx'],
  },
  {
    label: 'une présentation PowerPoint',
    extensions: ['.pptx'],
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    detected: ['pptx'],
  },
  {
    label: 'un texte OpenDocument',
    extensions: ['.odt'],
    mediaType: 'application/vnd.oasis.opendocument.text',
    detected: ['odt'],
  },
  {
    label: 'un classeur OpenDocument',
    extensions: ['.ods'],
    mediaType: 'application/vnd.oasis.opendocument.spreadsheet',
    detected: ['ods'],
  },
  {
    label: 'une présentation OpenDocument',
    extensions: ['.odp'],
    mediaType: 'application/vnd.oasis.opendocument.presentation',
    detected: ['odp'],
  },
  { label: 'un document Word 97-2003', extensions: ['.doc'], mediaType: 'application/msword', detected: ['cfb'] },
  {
    label: 'un classeur Excel 97-2003',
    extensions: ['.xls'],
    mediaType: 'application/vnd.ms-excel',
    detected: ['cfb'],
  },
  {
    label: 'une présentation PowerPoint 97-2003',
    extensions: ['.ppt'],
    mediaType: 'application/vnd.ms-powerpoint',
    detected: ['cfb'],
  },
];

export const ACCEPTED_LIST = 'PDF, images PNG ou JPEG, documents Word, Excel, PowerPoint ou OpenDocument';

/** Names of formats people may recognise, for a refusal that says what the file really is. */
const KNOWN_OTHERS: Record<string, string> = {
  exe: 'un programme exécutable Windows',
  elf: 'un programme exécutable',
  macho: 'un programme exécutable',
  msi: 'un programme d’installation Windows',
  zip: 'une archive ZIP',
  rar: 'une archive RAR',
  '7z': 'une archive 7-Zip',
  gz: 'une archive compressée',
  docm: 'un document Word avec macros',
  xlsm: 'un classeur Excel avec macros',
  pptm: 'une présentation PowerPoint avec macros',
  gif: 'une image GIF',
  webp: 'une image WebP',
  heic: 'une image HEIC',
  tif: 'une image TIFF',
  html: 'une page HTML',
  xml: 'un fichier XML',
  mp4: 'une vidéo',
  mp3: 'un fichier audio',
};

export type DocumentRefusalCode =
  | 'DOCUMENT.TYPE_NOT_ALLOWED'
  | 'DOCUMENT.DECLARED_TYPE_MISMATCH'
  | 'DOCUMENT.EMPTY'
  | 'DOCUMENT.CONTENT_MISMATCH'
  | 'DOCUMENT.CONTENT_NOT_ALLOWED'
  | 'DOCUMENT.PDF_INCOMPLETE';

/** Accepted, with the media type the bytes proved; or refused (415 in the error catalogue), with a sentence naming the file. */
export type ContentVerdict =
  { ok: true; mediaType: string } | { ok: false; code: DocumentRefusalCode; detail: string; error: FieldError };

/** Generic types a browser sends when it does not know better; the bytes decide then. */
const GENERIC_DECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/**
 * The verdict on one upload: its name, the media type the client declared, and its bytes.
 * Every refusal is a 415 with a French sentence naming the file.
 */
export async function checkDocumentContent(
  filename: string,
  declared: string,
  bytes: Uint8Array,
): Promise<ContentVerdict> {
  const name = `« ${filename} »`;
  const refuse = (code: DocumentRefusalCode, message: string): ContentVerdict => ({
    ok: false,
    code,
    detail: message,
    error: { field: 'file', code, message },
  });
  const ext = extname(filename).toLowerCase();
  const format = ACCEPTED_FORMATS.find((f) => f.extensions.includes(ext));
  if (!format)
    return refuse(
      'DOCUMENT.TYPE_NOT_ALLOWED',
      `Le fichier ${name} n’est pas d’un format accepté. Formats acceptés : ${ACCEPTED_LIST}.`,
    );
  const declaredType = declared.toLowerCase().split(';')[0]!.trim();
  if (
    !GENERIC_DECLARED.has(declaredType) &&
    declaredType !== format.mediaType &&
    !format.aliases?.includes(declaredType)
  ) {
    return refuse(
      'DOCUMENT.DECLARED_TYPE_MISMATCH',
      `Le fichier ${name} porte l’extension ${ext} mais a été envoyé comme « ${declaredType} » : envoyez-le de nouveau sans changer son type.`,
    );
  }
  if (bytes.length === 0) return refuse('DOCUMENT.EMPTY', `Le fichier ${name} est vide.`);
  const detected = (await detect(bytes))?.ext;
  if (!detected || !format.detected.includes(detected)) {
    const actual = ACCEPTED_FORMATS.find((f) => detected && f.detected.includes(detected));
    if (actual) {
      return refuse(
        'DOCUMENT.CONTENT_MISMATCH',
        `Le fichier ${name} porte l’extension ${ext} mais contient ${actual.label} : renommez-le avec l’extension ${actual.extensions[0]}.`,
      );
    }
    const what = detected
      ? `il contient ${KNOWN_OTHERS[detected] ?? `un fichier ${detected.toUpperCase()}`}`
      : 'son contenu n’est pas reconnu';
    return refuse(
      'DOCUMENT.CONTENT_NOT_ALLOWED',
      `Le fichier ${name} n’est pas ${format.label} : ${what}. Formats acceptés : ${ACCEPTED_LIST}.`,
    );
  }
  if (format.mediaType === 'application/pdf' && !isCompletePdf(bytes)) {
    return refuse(
      'DOCUMENT.PDF_INCOMPLETE',
      `Le fichier ${name} est un PDF incomplet (son en-tête ou sa fin manque) : il a sans doute été tronqué, exportez-le de nouveau.`,
    );
  }
  return { ok: true, mediaType: format.mediaType };
}

/**
 * A PDF starts with `%PDF-` and a version, and ends with `%%EOF` (readers look for it in the last
 * kilobyte): a file cut short in a transfer or a failed export lacks it.
 */
function isCompletePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  return /^%PDF-\d\.\d/.test(head) && tail.includes('%%EOF');
}

/** file-type is an ES module: loaded on first use (Node ≥ 20.19 requires it synchronously). */
async function detect(bytes: Uint8Array): Promise<{ ext: string } | undefined> {
  const { fileTypeFromBuffer } = await import('file-type');
  return fileTypeFromBuffer(bytes);
}
