// The generated stylesheet of vite.config.ts's catalogue plugin.
declare module 'virtual:catalogue.css';
