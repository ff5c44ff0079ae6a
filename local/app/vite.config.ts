import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export default defineConfig({
  root: here('.'),
  // The bundle is served as is: no source maps to keep, nothing to watch.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2048,
    rolldownOptions: {
      // The Authenticator demo, and the hand-written form of the custom page-object example.
      input: { main: here('index.html'), customSignup: here('custom-signup/index.html') },
      onwarn(warning, warn) {
        // Amplify UI's dependencies mark modules "use client"; a plain SPA bundle has no server side to keep apart.
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  logLevel: 'warn',
});
