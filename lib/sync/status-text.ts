/** The sync status as the popup's status line says it. */
import type { SyncStatus } from '../schema/sync';

export function statusText(s: SyncStatus): string {
  switch (s.state) {
    case 'off':
      return '团队同步：未开启';
    case 'syncing':
      return s.progress
        ? `首次同步：${s.progress.done.toLocaleString('zh-CN')} / ${s.progress.total.toLocaleString('zh-CN')}`
        : s.pending > 0
          ? `同步中… 待同步 ${s.pending}`
          : '同步中…';
    case 'synced':
      return '已同步';
    case 'pending':
      return `待同步 ${s.pending}`;
    case 'offline':
      return `离线${s.pending > 0 ? `，待同步 ${s.pending}` : ''}（${s.reason ?? '服务器无法连接'}）`;
    case 'error':
      return `错误：${s.reason ?? '未知'}`;
  }
}
