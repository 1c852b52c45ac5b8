// The generated stylesheets of vite.config.ts's catalogue and typeface plugins.
declare module 'virtual:catalogue.css';
declare module 'virtual:typeface.css';
