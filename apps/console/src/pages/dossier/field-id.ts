/** The DOM id of a dossier field, from the path the rules and the API name it by. */
export const fieldId = (path: string) => `champ-${path.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;
