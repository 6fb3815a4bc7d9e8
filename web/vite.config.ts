import { constants as zlibConstants } from 'node:zlib';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

export default defineConfig({
  plugins: [
    react(),
    // .br and .gz beside every text file over 1 KB: the server sends them as they are (no
    // compression work per request), to browsers that accept them.
    compression({
      include: /\.(js|css|html|svg|json)$/,
      threshold: 1024,
      algorithms: [defineAlgorithm('gzip', { level: 9 }), defineAlgorithm('brotliCompress', { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } })],
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      treeshake: {
        // @lantu/core is pure (no I/O, no globals): let the web take only the constants it uses,
        // so zod and the schema objects the server needs stay out of the browser bundle.
        moduleSideEffects: [
          { test: /[\\/]core[\\/]src[\\/]/, sideEffects: false },
          // antd's rc components declare nothing, so a barrel such as @rc-component/form's index
          // (which assigns statics) kept whole packages alive for one re-exported provider.
          { test: /[\\/]node_modules[\\/]@rc-component[\\/]/, sideEffects: false },
        ],
      },
      output: {
        codeSplitting: {
          // One file for the app's icons instead of one per icon: dozens fewer requests on every
          // page, and they compress far better together.
          groups: [{ name: 'icons', test: /[\\/]node_modules[\\/]@ant-design[\\/]icons(-svg)?[\\/]es[\\/](icons|asn)[\\/]/ }],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
