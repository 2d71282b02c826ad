/**
 * Files to and from the API: a document upload with its progress (fetch cannot report an upload's
 * progress; XMLHttpRequest can), and downloads, which need the bearer token and so are fetched first.
 */
import { bearerToken, problemOf } from './client';

export interface StoredDocument {
  id: string;
  kind: 'letter_of_commitment' | 'supporting';
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

export function uploadDocument(
  candidacyId: string,
  file: File,
  kind: StoredDocument['kind'],
  onProgress: (fraction: number) => void,
): Promise<StoredDocument> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/candidacies/${candidacyId}/documents`);
    const token = bearerToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as StoredDocument);
      else reject(problemOf(xhr.status, body));
    };
    xhr.onerror = () => reject(problemOf(0, undefined));
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file);
    xhr.send(form);
  });
}

async function fetchBlob(path: string): Promise<Blob> {
  const token = bearerToken();
  let res: Response;
  try {
    res = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw problemOf(0, undefined);
  }
  if (!res.ok) throw problemOf(res.status, await res.json().catch(() => undefined));
  return res.blob();
}

/** Opens a stored document in a new tab. */
export async function openDocument(candidacyId: string, documentId: string): Promise<void> {
  const url = URL.createObjectURL(await fetchBlob(`/candidacies/${candidacyId}/documents/${documentId}`));
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves what `path` answers (an export) as `filename` in the person's downloads. */
export async function downloadFile(path: string, filename: string): Promise<void> {
  const url = URL.createObjectURL(await fetchBlob(path));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
