import { type HttpMethod, ROLE_NAMES, systemRoutes } from '@minqing/shared';
import type { z } from 'zod';
import { type OpenApiDocument, documented } from './openApiDocument';
import { DOCS_STYLE } from './docsStyle';

/**
 * The OpenAPI document as one self-contained HTML page, for people: grouped by tag, each route with
 * who may call it, its parameters, the names of its body and answer schemas and its error codes.
 * Nothing is loaded from the network; the machine-readable document is /api/v1/openapi.json.
 */

type JsonSchema = z.core.JSONSchema.JSONSchema;
const MACHINE_READABLE = documented(systemRoutes.openApi).path;
type Operation = NonNullable<OpenApiDocument['paths'][string][HttpMethod]>;
type Parameter = NonNullable<Operation['parameters']>[number];
interface Entry {
  method: HttpMethod;
  path: string;
  operation: Operation;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** A route's description, its `backticked` words set as code. */
const descriptionOf = (operation: Operation) =>
  operation.description
    ? `<p class="description">${escapeHtml(operation.description).replace(/`([^`]+)`/g, '<code>$1</code>')}</p>\n`
    : '';

/** `统计与排行 / Performance figures`, `民情直达（群众）/ Reports` → the Chinese first, the English after it. */
function bilingual(text: string): { chinese: string; english: string } {
  const separator = / ?\/ /.exec(text);
  if (!separator) return { chinese: text, english: '' };
  return { chinese: text.slice(0, separator.index), english: text.slice(separator.index + separator[0].length) };
}

const CALLERS: Record<string, string> = {
  citizenBearer: '群众（小程序登录后的令牌）',
  staffBearer: '工作人员（管理后台登录后的令牌）',
};

/** Who may call: nobody signs in for a public route; a staff route says its policy and the roles it admits. */
function callers(operation: Operation): string {
  if (operation.security.length === 0) return '公开，无需登录';
  const policy = operation['x-policy'];
  const roles = (operation['x-staff-roles'] ?? []).map((role) => ROLE_NAMES[role]).join('、');
  return operation.security
    .flatMap((requirement) => Object.keys(requirement))
    .map((scheme) =>
      scheme === 'staffBearer' && policy
        ? `${CALLERS[scheme]}，权限 <code>${escapeHtml(policy)}</code>：${escapeHtml(roles)}`
        : (CALLERS[scheme] ?? escapeHtml(scheme)),
    )
    .join('；或 ');
}

const refName = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

/** `string (date)`, `"a" | "b"`, `integer ≥ 1`: enough to fill in a parameter. */
function typeOf(schema: JsonSchema): string {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (schema.anyOf) return schema.anyOf.map((part) => (typeof part === 'boolean' ? 'any' : typeOf(part))).join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
  const format = schema.format ? ` (${schema.format})` : '';
  const bounds = [
    schema.minimum !== undefined ? `≥ ${schema.minimum}` : '',
    schema.maximum !== undefined ? `≤ ${schema.maximum}` : '',
  ].filter(Boolean);
  return [`${type}${format}`, ...bounds].join(' ');
}

function parameterTable(title: string, parameters: Parameter[]): string {
  if (parameters.length === 0) return '';
  const rows = parameters.map(
    (parameter) =>
      `<tr><td><code>${escapeHtml(parameter.name)}</code></td><td>${parameter.required ? '是' : '否'}</td><td><code>${escapeHtml(typeOf(parameter.schema))}</code></td><td>${escapeHtml(parameter.description ?? '')}</td></tr>`,
  );
  return `<dt>${title}</dt><dd><table><thead><tr><th>名称</th><th>必填</th><th>类型</th><th>说明</th></tr></thead><tbody>${rows.join('')}</tbody></table></dd>`;
}

function contentOf(content: Record<string, { schema: JsonSchema }> | undefined): string {
  if (!content) return '无内容';
  return Object.entries(content)
    .map(([mediaType, { schema }]) =>
      schema.$ref
        ? `<code>${escapeHtml(refName(schema.$ref))}</code>（${escapeHtml(mediaType)}）`
        : escapeHtml(mediaType),
    )
    .join('，');
}

function answers(document: OpenApiDocument, operation: Operation): { success: string[]; errors: string[] } {
  const success: string[] = [];
  const errors: string[] = [];
  for (const [status, answer] of Object.entries(operation.responses)) {
    if ('$ref' in answer) {
      const shared = document.components.responses[refName(answer.$ref)];
      errors.push(`<li><b>${status}</b> ${escapeHtml(bilingual(shared?.description ?? '').chinese)}</li>`);
      continue;
    }
    // Open311's errors carry their own shape, so they are described in place.
    const line = `<li><b>${status}</b> ${escapeHtml(bilingual(answer.description).chinese)}：${contentOf(answer.content)}</li>`;
    (Number(status) >= 400 ? errors : success).push(line);
  }
  return { success, errors };
}

const anchorOf = (operation: Operation) => `op-${operation.operationId}`;

function routeSection(document: OpenApiDocument, { method, path, operation }: Entry): string {
  const parameters = operation.parameters ?? [];
  const only = (place: Parameter['in']) => parameters.filter((parameter) => parameter.in === place);
  const body = operation.requestBody ? `<dt>请求体</dt><dd>${contentOf(operation.requestBody.content)}</dd>` : '';
  const { success, errors } = answers(document, operation);
  const summary = bilingual(operation.summary);
  return `<article id="${anchorOf(operation)}">
<h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>
<p class="summary">${escapeHtml(summary.chinese)}${summary.english ? ` <span class="en">${escapeHtml(summary.english)}</span>` : ''}</p>
${descriptionOf(operation)}<dl><dt>调用者</dt><dd>${callers(operation)}</dd>${parameterTable('路径参数', only('path'))}${parameterTable('请求头', only('header'))}${parameterTable('查询参数', only('query'))}${body}<dt>响应</dt><dd><ul>${success.join('')}</ul></dd><dt>错误码</dt><dd><ul>${errors.join('')}</ul></dd></dl>
</article>`;
}

/** Every operation of the document, in the order of its paths, under its first tag. */
function byTag(document: OpenApiDocument): Map<string, Entry[]> {
  const groups = new Map<string, Entry[]>(document.tags.map((tag) => [tag.name, []]));
  for (const [path, item] of Object.entries(document.paths))
    for (const [method, operation] of Object.entries(item) as [HttpMethod, Operation][]) {
      const tag = operation.tags[0] ?? '';
      const group = groups.get(tag) ?? [];
      group.push({ method, path, operation });
      groups.set(tag, group);
    }
  return groups;
}

export function renderDocsPage(document: OpenApiDocument): string {
  const groups = [...byTag(document)].filter(([, entries]) => entries.length > 0);
  const descriptions = new Map(document.tags.map((tag) => [tag.name, tag.description]));
  const total = groups.reduce((sum, [, entries]) => sum + entries.length, 0);
  const contents = groups.map(
    ([tag, entries]) =>
      `<li><a href="#tag-${escapeHtml(tag)}">${escapeHtml(bilingual(descriptions.get(tag) ?? tag).chinese)}</a> <span class="count">${entries.length}</span></li>`,
  );
  const sections = groups.map(([tag, entries]) => {
    const heading = bilingual(descriptions.get(tag) ?? tag);
    return `<section id="tag-${escapeHtml(tag)}"><h2>${escapeHtml(heading.chinese)} <span class="en">${escapeHtml(heading.english)}</span></h2>
${entries.map((entry) => routeSection(document, entry)).join('\n')}</section>`;
  });
  const intro = bilingual(document.info.description);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)} 接口文档</title>
<style>${DOCS_STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(document.info.title)} 接口文档</h1>
<p>${escapeHtml(intro.chinese)}</p>
<p>共 ${total} 个接口，按模块分组。路径参数、查询参数与请求体均按所列结构校验，输入有误时返回 400 并指明字段；错误均为 <code>{error: {code, message, field?}}</code>（Open311 除外）。机器可读的 OpenAPI 3.1 文档：<a href="${MACHINE_READABLE}"><code>${MACHINE_READABLE}</code></a>，其中有各结构的完整定义。</p>
</header>
<nav><h2>目录</h2><ul>${contents.join('')}</ul></nav>
<main>
${sections.join('\n')}
</main>
</body>
</html>
`;
}
