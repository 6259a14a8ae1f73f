/** The docs page's only style: inline, so the page needs nothing from the network. */
export const DOCS_STYLE = `
body { font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; color: #1f2329; background: #f7f8fa; line-height: 1.6; }
header, nav, main { max-width: 1080px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { font-size: 26px; margin: 0 0 8px; }
h2 { font-size: 20px; margin: 32px 0 12px; border-bottom: 2px solid #1677ff; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 0 0 4px; word-break: break-all; }
nav ul { columns: 3 220px; padding-left: 20px; }
.count { color: #8a919f; font-size: 12px; }
.en { color: #646a73; font-size: 13px; font-weight: normal; }
article { background: #fff; border: 1px solid #e4e6eb; border-radius: 6px; padding: 12px 16px; margin: 12px 0; }
.summary { margin: 0 0 8px; }
.description { margin: 0 0 8px; font-size: 14px; color: #3b3f45; }
.method { display: inline-block; min-width: 56px; text-align: center; border-radius: 4px; color: #fff; font-size: 12px; padding: 1px 6px; margin-right: 6px; }
.get { background: #1677ff; } .post { background: #00a870; } .put { background: #d48806; } .patch { background: #7b61ff; } .delete { background: #e34d59; }
dl { display: grid; grid-template-columns: 88px 1fr; gap: 4px 12px; margin: 0; font-size: 14px; }
dt { color: #646a73; }
dd { margin: 0; }
dd ul { margin: 0; padding-left: 18px; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border: 1px solid #e4e6eb; padding: 2px 8px; text-align: left; vertical-align: top; }
th { background: #f2f3f5; font-weight: normal; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
`;
