/**
 * GET /ocr/NAME — the OCR engine for uploads read in the browser (issue 13), served from the
 * installed npm packages so that nothing is fetched from another host: tesseract.js's worker
 * script (`worker.min.js`), tesseract.js-core's LSTM builds with their wasm inlined
 * (`tesseract-core-lstm.wasm.js`, `-simd-lstm`, `-relaxedsimd-lstm`: the worker picks the one the
 * browser supports) and the two models (`eng.traineddata.gz`, `chi_sim.traineddata.gz`, from
 * `@tesseract.js-data/<lang>/4.0.0_best_int`, the models the ingest uses). Loaded only when an
 * uploaded file needs OCR (lib/ocr/browser-scan-reader.ts).
 *
 * Only the names listed in FILES are served (anything else is a 404 with a Chinese explanation);
 * a missing package is a 500 saying to run npm install. The files never change for an installed
 * version: cached for a day. The models are sent as the gzip files they are (tesseract.js unzips
 * them), not with a content-encoding. The worker script is served with {@link WORKER_PRELUDE} in
 * front of it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { textResponse } from '../../data/data-dir';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Served name → [package, path inside the package]. */
const FILES: Record<string, [string, string]> = {
  'worker.min.js': ['tesseract.js', 'dist/worker.min.js'],
  'tesseract-core-lstm.wasm.js': ['tesseract.js-core', 'tesseract-core-lstm.wasm.js'],
  'tesseract-core-simd-lstm.wasm.js': ['tesseract.js-core', 'tesseract-core-simd-lstm.wasm.js'],
  'tesseract-core-relaxedsimd-lstm.wasm.js': ['tesseract.js-core', 'tesseract-core-relaxedsimd-lstm.wasm.js'],
  'eng.traineddata.gz': ['@tesseract.js-data/eng', '4.0.0_best_int/eng.traineddata.gz'],
  'chi_sim.traineddata.gz': ['@tesseract.js-data/chi_sim', '4.0.0_best_int/chi_sim.traineddata.gz'],
};

/**
 * Put before tesseract.js's worker script: tesseract writes one "Warning: Parameter not found: …"
 * line to stderr (console.error in the worker) for each parameter of the models this build of the
 * core does not know — about twenty per model, harmless, but they would show as errors in the
 * browser console. Those lines alone are dropped; every other console.error passes. It must run
 * before the core is loaded, which binds console.error once.
 */
const WORKER_PRELUDE =
  "/* gov-disclosure-reports: drop tesseract's 'Parameter not found' notices (app/ocr/[name]/route.ts) */\n" +
  '(function(){var e=console.error.bind(console);console.error=function(){var a=arguments[0];if(typeof a==="string"&&a.indexOf("Warning: Parameter not found:")===0)return;e.apply(null,arguments);};})();\n';

/**
 * Serve one file of the OCR engine. 404 (plain-text Chinese explanation) for a name not in the
 * list; 500 when its package is not installed.
 */
export async function GET(_request: Request, context: { params: Promise<{ name: string }> }): Promise<Response> {
  const { name } = await context.params;
  const entry = Object.hasOwn(FILES, name) ? FILES[name] : undefined;
  if (!entry) {
    return textResponse(404, `没有这个文件：/ocr/${name}。这里只提供上传文件做文字识别（OCR）所需的 tesseract.js 程序和模型。`);
  }
  const file = path.join(process.cwd(), 'node_modules', entry[0], entry[1]);
  try {
    const read = await readFile(file);
    const bytes = name === 'worker.min.js' ? Buffer.concat([Buffer.from(WORKER_PRELUDE), read]) : read;
    return new Response(new Uint8Array(bytes), {
      status: 200,
      headers: {
        'content-type': name.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'application/octet-stream',
        'cache-control': 'public, max-age=86400',
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (e) {
    return textResponse(500, `读取文字识别（OCR）文件 ${entry[0]}/${entry[1]} 失败（${(e as Error).message}）。请在项目目录运行 npm install 后重启看板。`);
  }
}
