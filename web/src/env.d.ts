/** The names the build takes from `domain/` (web/labels-module.ts). */
declare module 'virtual:labels' {
  const labels: import('../labels-module').WorkbenchLabels;
  export default labels;
}

declare module 'antd/dist/antd.css';
