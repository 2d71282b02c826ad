module.exports = async () => {
  await globalThis.__QC_WF_PG__?.stop();
};
