export default defineContentScript({
  matches: ['*://www.gov.cn/*'],
  main() {},
});
