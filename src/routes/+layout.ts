// Every page is prerendered to static HTML (adapter-static, GitHub Pages); data work happens in the browser.
export const prerender = true;
export const trailingSlash = 'always';
