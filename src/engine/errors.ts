/**
 * Why a workbook file could not be opened or saved: one readable sentence (the CLI exits 2), in
 * English (`message`) and Chinese (`zh`), naming the file and, where there is one, the part.
 */
export class EngineFileError extends Error {
  override readonly name = 'EngineFileError';
  /** The same sentence in Chinese (the CLI prints it with --lang zh). */
  readonly zh: string;
  constructor(
    message: string,
    /** The file, when there is one. */
    readonly path?: string,
    options?: { cause?: unknown; zh?: string },
  ) {
    super(message);
    this.zh = options?.zh ?? message;
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

/** An EngineFileError from a sentence in both languages. */
export function fileError(
  text: { readonly en: string; readonly zh: string },
  path?: string,
  cause?: unknown,
): EngineFileError {
  return new EngineFileError(text.en, path, { zh: text.zh, cause });
}
