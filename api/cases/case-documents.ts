/**
 * The written documents of a case: `GET /cases/{n}/documents` lists them, `GET /cases/{n}/documents/{id}.docx|.pdf`
 * downloads one. The list comes from the case itself (its state query), never from the store's directory, and each
 * reader sees their own part: officers who may read the case every document, the applicant only those addressed to
 * them (受理/不予受理通知书, 整改通知书, 书面反馈意见书, 澄清正名函); any other is answered like one that does not exist.
 * A download is checked against the SHA-256 the case recorded, and logged like every read of case content.
 */
import type { Client } from '@temporalio/client';
import { z } from 'zod';

import { audienceOf } from '../../domain/audience-views';
import type { CaseState } from '../../domain/case';
import { DOCUMENT_KIND_RULES, DOCUMENT_KINDS } from '../../domain/documents/kinds';
import type { IssuedDocument } from '../../domain/documents/request';
import { CASE_STATE_QUERY } from '../../domain/messages';
import type { DocumentFormat, DocumentStore } from '../../documents/document-store';
import { DOCUMENT_TEXTS } from '../../domain/texts';
import { HttpProblem } from '../http/errors';
import { principalOf } from '../http/locals';
import type { ApiRoute } from '../http/route';
import { caseHandle, describeCase, knownScope, requireReadable } from './case-access';
import { caseNumberSchema } from './schemas';

const MEDIA_TYPES: Readonly<Record<DocumentFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

const documentFileSchema = z
  .string()
  .regex(/^[A-Za-z]{1,40}-\d{1,4}\.(docx|pdf)$/, DOCUMENT_TEXTS.fileForm)
  .describe('the document id and its format, e.g. decision-1.pdf');

const documentParamsSchema = z.object({ caseNumber: caseNumberSchema, file: documentFileSchema });

const documentSchema = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  name: z.string().describe('文种: 受理通知书, 容错纠错免责减责决定书 …'),
  number: z.string().describe('发文字号, e.g. 宛纪容决〔2026〕3号'),
  title: z.string(),
  issuedOn: z.string().describe('成文日期, YYYY-MM-DD'),
  addressee: z.string().describe('主送机关'),
  sha256: z.object({ docx: z.string(), pdf: z.string() }),
  corrects: z.string().optional().describe('the number of the issued document this one corrects'),
  files: z.object({ docx: z.string(), pdf: z.string() }).describe('where to download each format'),
});

export const documentListResponseSchema = z
  .object({ caseNumber: z.string(), documents: z.array(documentSchema) })
  .describe("the case's issued documents the caller may read, oldest first");

const READ_RESPONSES = { 404: 'no such case or document, or one the caller may not read' } as const;

/** The documents `role` may read of those the case issued. */
function readable(state: CaseState, role: Parameters<typeof audienceOf>[0]): readonly IssuedDocument[] {
  const all = state.documents ?? [];
  return audienceOf(role) === 'applicant' ? all.filter((d) => d.toParty) : all;
}

/** The document routes over the case's workflow and the document store the workers issue into. */
export function caseDocumentRoutes(client: Client, store: DocumentStore | undefined): ApiRoute[] {
  const readableState = async (caseNumber: unknown, res: Parameters<typeof principalOf>[0]) => {
    const handle = caseHandle(client, caseNumber);
    requireReadable(principalOf(res), knownScope(handle) ?? (await describeCase(handle)).scope);
    return handle.query<CaseState>(CASE_STATE_QUERY);
  };
  return [
    {
      doc: {
        method: 'get',
        path: '/cases/:caseNumber/documents',
        summary: '案件文书目录：文种、发文字号、标题、成文日期、主送机关、SHA-256',
        tags: ['案件查询'],
        operationId: 'listCaseDocuments',
        params: z.object({ caseNumber: caseNumberSchema }),
        responseSchema: documentListResponseSchema,
        responses: { 200: 'the documents the caller may read', ...READ_RESPONSES },
        security: 'bearer',
      },
      handler: async (req, res) => {
        const state = await readableState(req.params.caseNumber, res);
        const base = `/cases/${encodeURIComponent(state.caseNumber)}/documents`;
        res.json({
          caseNumber: state.caseNumber,
          documents: readable(state, principalOf(res).role).map((d) => ({
            id: d.id,
            kind: d.kind,
            name: DOCUMENT_KIND_RULES[d.kind].name,
            number: d.number,
            title: d.title,
            issuedOn: d.issuedOn,
            addressee: d.addressee,
            sha256: d.sha256,
            ...(d.corrects ? { corrects: d.corrects } : {}),
            files: { docx: `${base}/${d.id}.docx`, pdf: `${base}/${d.id}.pdf` },
          })),
        });
      },
    },
    {
      doc: {
        method: 'get',
        path: '/cases/:caseNumber/documents/:file',
        summary: '下载案件文书（DOCX 或 PDF）',
        tags: ['案件查询'],
        operationId: 'getCaseDocument',
        params: documentParamsSchema,
        responseMediaType: Object.values(MEDIA_TYPES),
        responses: { 200: 'the document as issued', ...READ_RESPONSES },
        security: 'bearer',
      },
      handler: async (req, res) => {
        const file = documentFileSchema.safeParse(req.params.file);
        if (!file.success) throw notFound();
        const state = await readableState(req.params.caseNumber, res);
        const [id, format] = file.data.split('.') as [string, DocumentFormat];
        const document = readable(state, principalOf(res).role).find((d) => d.id === id);
        if (!document) throw notFound();
        const bytes = await store?.read(document.sha256[format], format);
        // Recorded by the case but not in this API's store: the store is not shared with the workers.
        if (!bytes) throw new HttpProblem(503, 'Document unavailable', DOCUMENT_TEXTS.unavailable(document.number));
        res
          .type(MEDIA_TYPES[format])
          .set(
            'Content-Disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent(`${document.number}${document.title}.${format}`)}`,
          )
          .set('Cache-Control', 'private, no-store')
          .send(bytes);
      },
    },
  ];
}

function notFound(): HttpProblem {
  return new HttpProblem(404, 'Not found', DOCUMENT_TEXTS.notFound);
}
