/**
 * Open311's XML writer (core/open311/open311-common.ts XmlWriter) on fast-xml-parser's builder, and the Open311
 * environment every runtime serves with. The builder escapes every text (`& < > " '`); characters XML 1.0
 * cannot carry at all (C0 controls but tab and newlines) are dropped, never written.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { DirectoryCache } from '../core/directory/directory';
import type { Open311Env, XmlWriter } from '../core/open311/open311';
import type { Deps } from '../core/ports';
import { hashApiKey } from './api-keys';

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false, processEntities: true });

const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function clean(v: unknown): unknown {
  if (typeof v === 'string') return v.replace(NOT_XML, '');
  if (Array.isArray(v)) return v.map(clean);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clean(x)]));
  return v;
}

export const writeXml: XmlWriter = (doc) => `<?xml version="1.0" encoding="utf-8"?>\n${builder.build(clean(doc))}`;

export function open311Env(deps: Deps, directory: DirectoryCache, stage: Open311Env['stage'] = 'production'): Open311Env {
  return { deps, directory, hashKey: hashApiKey, toXml: writeXml, stage };
}
