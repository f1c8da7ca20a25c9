import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import Components from 'unplugin-vue-components/vite'
import type { Plugin } from 'vite'

/** `@shared/…` imports resolve to shared/ on every side (also in tsconfig.base.json and vitest.config.mts). */
const alias = { '@shared': resolve(__dirname, 'shared') }

/**
 * Writes `x.js.gz` and `x.js.br` beside every built script, style and SVG of 1 KB or more, so the browser
 * door sends them compressed without compressing per request (electron/doors/staticFiles.ts picks the
 * variant the browser accepts). index.html is left out: the door rewrites it per run (the token).
 */
function precompress(): Plugin {
  return {
    name: 'dudao:precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const [fileName, item] of Object.entries(bundle)) {
        if (!/\.(js|mjs|css|svg|json)$/.test(fileName)) continue
        const data = Buffer.from(item.type === 'chunk' ? item.code : item.source)
        if (data.length < 1024) continue
        const file = join(options.dir!, fileName)
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }))
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }),
        )
      }
    },
  }
}

/**
 * Shared chunks are named after their first module, which for Element Plus is a style import (`css-….js`):
 * name them for what they hold (vendor: Vue and the Element Plus core; element-plus: one component set).
 */
function sharedChunkName(chunk: { name: string; isEntry: boolean; facadeModuleId: string | null; moduleIds: string[] }): string {
  const inProject = chunk.facadeModuleId !== null && !/[\\/]node_modules[\\/]/.test(chunk.facadeModuleId)
  if (chunk.isEntry || inProject) return 'assets/[name]-[hash].js'
  if (chunk.moduleIds.some((id) => /[\\/]@vue[\\/]runtime-core[\\/]/.test(id))) return 'assets/vendor-[hash].js'
  return chunk.name === 'css' ? 'assets/element-plus-[hash].js' : 'assets/[name]-[hash].js'
}

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          cli: resolve(__dirname, 'electron/doors/cliMain.ts'),
          // Worker threads of the core (electron/core/jobs/workerThread.ts finds them beside index.js / cli.js).
          docxExportWorker: resolve(__dirname, 'electron/core/jobs/workers/docxExportWorker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [
      vue(),
      // Element Plus on demand: every <el-…> tag and v-loading imports its component and its style;
      // ElMessage / ElMessageBox (called from scripts) have their styles imported in main.ts.
      Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false, dirs: [] }),
      // .gz and .br beside every asset, served by the browser door when the browser accepts them.
      precompress(),
    ],
    resolve: { alias },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified unless asked.
      minify: true,
      cssMinify: true,
      // RENDERER_SOURCEMAP=1: .map files beside the assets (not referenced by them), for the CPU profile
      // of `npm run bench` to name sources; electron-builder leaves them out of the package.
      sourcemap: process.env.RENDERER_SOURCEMAP ? 'hidden' : false,
      chunkSizeWarningLimit: 2000,
      rolldownOptions: {
        input: resolve(__dirname, 'renderer/index.html'),
        output: {
          chunkFileNames: sharedChunkName,
          // Their styles likewise (named after a helper module or a style import otherwise).
          assetFileNames: (asset) => {
            const name = asset.names[0] ?? ''
            if (name === '_plugin-vue_export-helper.css') return 'assets/vendor-[hash][extname]'
            if (name === 'css.css') return 'assets/element-plus-[hash][extname]'
            return 'assets/[name]-[hash][extname]'
          },
        },
      },
    },
  },
})
