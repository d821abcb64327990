/**
 * The design document that makes the team server enforce who may change what (CouchDB runs
 * `validate_doc_update` on every write, replicated ones included):
 * - annotations (`annotation:<id>`) carry their creator; only that user writes or deletes them, and the
 *   creator never changes. A revision that changes nothing but the time is let through (a client putting
 *   the server's version back after a refusal);
 * - notices (`notice:<id>`) are the team's: any member may write them;
 * - nothing else is stored, and every document is checked for the shape its id announces.
 * Server admins may do anything (repairs). Reading is governed by the database's security object.
 */

export const DESIGN_DOC_ID = '_design/notice-lens';
/** Bumped when the function changes, so the settings page knows to install it again. */
export const DESIGN_DOC_VERSION = 1;

/**
 * The function as CouchDB stores and runs it: ES5 source text (CouchDB's JavaScript engine; no helpers a
 * bundler might add). The tests compile this same text and call it.
 */
export const VALIDATE_SOURCE = `function (newDoc, oldDoc, userCtx) {
  if (userCtx.roles.indexOf('_admin') !== -1) return;
  var id = String(newDoc._id);
  if (id.indexOf('_design/') === 0) throw { forbidden: '只有管理员可修改设计文档' };
  if (!userCtx.name) throw { unauthorized: '请先登录' };
  var isAnnotation = id.indexOf('annotation:') === 0;
  var isNotice = id.indexOf('notice:') === 0;
  if (!isAnnotation && !isNotice) throw { forbidden: '不认识的文档：' + id };
  if (isNotice) {
    if (!newDoc._deleted && (newDoc.kind !== 'notice' || typeof newDoc.notice !== 'object' || !newDoc.notice))
      throw { forbidden: '公文文档格式不对' };
    return;
  }
  var owner = oldDoc && !oldDoc._deleted ? oldDoc.creator : null;
  if (owner && owner !== userCtx.name) {
    if (newDoc._deleted) throw { forbidden: '这是 ' + owner + ' 的批注，只有本人可以删除' };
    var same = newDoc.creator === oldDoc.creator && newDoc.annotation && oldDoc.annotation;
    var fields = ['noticeId', 'colour', 'note', 'tags', 'selectors', 'quote', 'deletedAt'];
    for (var i = 0; same && i < fields.length; i++) {
      if (JSON.stringify(newDoc.annotation[fields[i]]) !== JSON.stringify(oldDoc.annotation[fields[i]])) same = false;
    }
    if (!same) throw { forbidden: '这是 ' + owner + ' 的批注，只有本人可以修改' };
    return;
  }
  if (newDoc._deleted) return;
  if (newDoc.kind !== 'annotation' || typeof newDoc.annotation !== 'object' || !newDoc.annotation)
    throw { forbidden: '批注文档格式不对' };
  if (newDoc.creator !== userCtx.name) throw { forbidden: '批注的作者必须是当前用户 ' + userCtx.name };
}`;

export interface DesignDoc {
  _id: string;
  _rev?: string;
  language: 'javascript';
  validate_doc_update: string;
  noticeLensVersion: number;
}

/** The design document to PUT at `<db>/_design/notice-lens`. */
export function designDoc(): DesignDoc {
  return {
    _id: DESIGN_DOC_ID,
    language: 'javascript',
    validate_doc_update: VALIDATE_SOURCE,
    noticeLensVersion: DESIGN_DOC_VERSION,
  };
}

/**
 * The security object for a team database: members (by name or role) read and write; admins manage.
 * CouchDB 3 makes new databases admin-only, so this is what opens one to the team.
 */
export function securityObject(members: { names?: string[]; roles?: string[] }, admins: string[] = []) {
  return {
    admins: { names: admins, roles: [] as string[] },
    members: { names: members.names ?? [], roles: members.roles ?? [] },
  };
}
