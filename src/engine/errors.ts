/** Why a workbook file could not be opened or saved: one readable sentence (the CLI exits 2). */
export class EngineFileError extends Error {
  override readonly name = 'EngineFileError';
  constructor(
    message: string,
    /** The file, when there is one. */
    readonly path?: string,
    options?: { cause?: unknown },
  ) {
    super(message);
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}
