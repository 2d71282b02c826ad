// The package ships no types (CommonJS, `module.exports = getJoursFeries`).
declare module '@socialgouv/jours-feries' {
  /** Holiday name → local midnight of that day, for one year (metropolitan France by default). */
  function getJoursFeries(year: number, options?: { alsace?: boolean }): Record<string, Date>;
  export = getJoursFeries;
}
