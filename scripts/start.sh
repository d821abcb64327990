#!/usr/bin/env bash
# Runs the product on a fresh machine: installs what is missing, builds the extension, prints the analysis of
# the bundled demo notice, and opens Chromium with the extension loaded on it (as a gov.cn page, so the
# extension runs as it does on the real site). Without a display it runs headless and saves a screenshot.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npx wxt build
echo
echo "Analysis of the demo notice (npm run analyze -- demo/notice.html):"
npx tsx lib/cli/analyze.ts --url "https://www.gov.cn/zhengce/content/2020-01/30/content_demo.htm" demo/notice.html \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const r=JSON.parse(s);const m=r.metadata;
console.log(`  公文: ${r.isNotice} (置信度 ${r.confidence})  标题: ${m.title}`);
console.log(`  文号: ${m.docNumber}  发文机关: ${m.issuers.join("、")}  成文日期: ${m.signedDate}`);
const by={};for(const o of r.obligations)by[o.category]=(by[o.category]||0)+1;
console.log(`  义务条款: ${r.obligations.length} ${JSON.stringify(by)}`);})'
echo
node scripts/open-demo.mjs "$@"
