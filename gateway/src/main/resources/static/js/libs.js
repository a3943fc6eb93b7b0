// Chart.js and Leaflet come from the gateway's WebJars, loaded only by the pages that draw charts or routes, so a
// worker's phone never downloads them.

const loaded = new Map();

function script(src) {
  if (!loaded.has(src)) {
    loaded.set(src, new Promise((resolve, reject) => {
      const el = document.createElement('script');
      el.src = src;
      el.onload = resolve;
      el.onerror = () => {
        loaded.delete(src);
        reject(new Error(`could not load ${src}`));
      };
      document.head.append(el);
    }));
  }
  return loaded.get(src);
}

function stylesheet(href) {
  if (!document.querySelector(`link[href="${href}"]`)) {
    const el = document.createElement('link');
    el.rel = 'stylesheet';
    el.href = href;
    document.head.append(el);
  }
}

export async function chartJs() {
  await script('/webjars/chart.js/dist/chart.umd.min.js');
  return window.Chart;
}

export async function leaflet() {
  stylesheet('/webjars/leaflet/dist/leaflet.css');
  await script('/webjars/leaflet/dist/leaflet.js');
  return window.L;
}
