module.exports = async () => {
  await globalThis.__QC_STACK__?.stop();
};
