// The directory's map: the county's wards (data-wards, GeoJSON) shaded by how many organisations
// the current search finds in each (data-counts, the counts API), with the count on each ward that
// has some. A ward links to data-link with {code} replaced. Tooltips use data-one / data-many with
// {name} and {count}. No tiles, so it shows offline; the page lists the same counts without it.
(function () {
  var el = document.getElementById('directory-map');
  if (!el || !window.L || !window.fetch) return;
  var shades = ['#c7e9c0', '#a1d99b', '#74c476', '#31a354', '#006d2c'];

  function json(url) {
    return fetch(url, { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .catch(function () { return null; });
  }
  function text(value) {
    var span = document.createElement('span');
    span.textContent = value;
    return span;
  }
  function label(name, n) {
    return (n === 1 ? el.dataset.one : el.dataset.many).replace('{name}', name).replace('{count}', n);
  }

  Promise.all([json(el.dataset.wards), json(el.dataset.counts)]).then(function (loaded) {
    var shapes = loaded[0], counts = loaded[1];
    if (!shapes || !shapes.features || !shapes.features.length || !counts) return;
    var byWard = {}, max = 0;
    counts.wards.forEach(function (w) { byWard[w.code] = w.count; max = Math.max(max, w.count); });
    function shade(n) {
      return n ? shades[Math.min(shades.length - 1, Math.floor((n / max) * shades.length - 1e-9))] : '#f4f4f4';
    }
    el.textContent = '';
    var map = L.map(el, { attributionControl: true, zoomSnap: 0.25 });
    map.attributionControl.setPrefix(false).addAttribution('Omare B.D.A. &amp; Omare G.J.M 2017, CC BY 4.0');
    var layer = L.geoJSON(shapes, {
      style: function (f) {
        var chosen = f.properties.code === el.dataset.selected;
        return { color: chosen ? '#000' : '#123524', weight: chosen ? 3 : 1,
          fillColor: shade(byWard[f.properties.code] || 0), fillOpacity: 0.8 };
      },
      onEachFeature: function (f, l) {
        l.bindTooltip(text(label(f.properties.name, byWard[f.properties.code] || 0)));
        l.on('click', function () {
          window.location = el.dataset.link.replace('{code}', encodeURIComponent(f.properties.code));
        });
      }
    }).addTo(map);
    layer.eachLayer(function (l) {
      var n = byWard[l.feature.properties.code];
      if (n) {
        L.tooltip({ permanent: true, direction: 'center', interactive: false, opacity: 0.9 })
          .setLatLng(l.getBounds().getCenter()).setContent(text(String(n))).addTo(map);
      }
    });
    map.fitBounds(layer.getBounds(), { padding: [8, 8] });
  });
})();
