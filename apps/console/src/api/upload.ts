/** A document upload with its progress (fetch cannot report an upload's progress; XMLHttpRequest can). */
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

/** Opens a stored document in a new tab (the download needs the bearer token, so it is fetched first). */
export async function openDocument(candidacyId: string, documentId: string): Promise<void> {
  const token = bearerToken();
  const res = await fetch(`/candidacies/${candidacyId}/documents/${documentId}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok) throw problemOf(res.status, await res.json().catch(() => undefined));
  const url = URL.createObjectURL(await res.blob());
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
