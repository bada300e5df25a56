/**
 * Where the pane's long workflows run. In Excel, in the page (Office.js does the work in
 * Excel, chunked, with progress and Cancel); the browser preview passes its own, which run them
 * in the Web Worker that holds its engine (src/preview/worker-host.ts), with the same requests,
 * progress, Cancel and results.
 */
import type { WorkbookHost } from '../../host/port';
import { runAudit, type AuditRequest, type AuditSummary } from './audit';
import { validateActive, type ValidateRequest, type ValidateResult } from './validate';

export interface PaneWorkflows {
  validate(host: WorkbookHost, request: ValidateRequest): Promise<ValidateResult>;
  audit(host: WorkbookHost, request: AuditRequest): Promise<AuditSummary>;
}

/** The workflows run in the page, over the host given. */
export const IN_PAGE: PaneWorkflows = { validate: validateActive, audit: runAudit };
