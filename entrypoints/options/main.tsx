import { render } from 'preact';
import { SyncSettings } from '../../components/SyncSettings';
import { loadTranslate } from '../locale/i18n';

const style = document.createElement('style');
style.textContent = `
body{font:14px/1.6 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:24px;max-width:640px}
label{display:block;margin:8px 0}label span{display:block;color:#555}
input{width:100%;box-sizing:border-box;padding:6px}
.actions{display:flex;gap:8px;flex-wrap:wrap;margin:12px 0}
.muted{color:#666}.ok{color:#1a7f37}.error{color:#b42318}
`;
document.head.appendChild(style);
void loadTranslate().then((t) => render(<SyncSettings t={t} />, document.getElementById('app')!));
