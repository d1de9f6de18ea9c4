// Draws every [data-geojson] element as a Leaflet map without tiles, so that it shows offline.
// Features link to data-link, with {code} replaced by the feature's code.
(function () {
  function draw(el) {
    if (!window.L) return;
    fetch(el.dataset.geojson).then(function (r) { return r.ok ? r.json() : null; }).then(function (data) {
      if (!data || !data.features || !data.features.length) return;
      el.textContent = '';
      var map = L.map(el, { attributionControl: true, zoomSnap: 0.25 });
      map.attributionControl.setPrefix(false).addAttribution('Omare B.D.A. &amp; Omare G.J.M 2017, CC BY 4.0');
      var link = el.dataset.link;
      var layer = L.geoJSON(data, {
        style: { color: '#123524', weight: 1.2, fillColor: '#52b788', fillOpacity: 0.35 },
        onEachFeature: function (f, l) {
          l.bindTooltip(f.properties.name);
          if (link) l.on('click', function () { window.location = link.replace('{code}', f.properties.code); });
        }
      }).addTo(map);
      map.fitBounds(layer.getBounds(), { padding: [8, 8] });
    });
  }
  document.querySelectorAll('[data-geojson]').forEach(draw);
})();
