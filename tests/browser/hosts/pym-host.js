// The newsroom's own code for a pym.js host, as pym's documentation shows it: pym.Parent resizes
// the iframe from the map's height messages with nothing of ours on the page. The rest is what a
// newsroom adds to use the map's events and to let its paragraphs drive the map (embed.js does
// both by itself).
/* global pym */
(function () {
  var site = '{{SITE}}';
  var container = document.getElementById('map');
  var parent = new pym.Parent('map', site + '/black-sea-call/embed.html', {
    title: 'Map: US and Russian defense chiefs talk',
    // Only the map's origin may resize the frame (pym's default, '*', trusts any window).
    xdomain: site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
  });
  ['mapexplainer:place', 'mapexplainer:passage'].forEach(function (type) {
    parent.onMessage(type, function (value) {
      var detail = { id: value.split(',')[0] || null };
      container.dispatchEvent(new CustomEvent(type, { bubbles: true, detail: detail }));
    });
  });
  // The paragraph being read: the last one whose top has passed the middle of the viewport.
  var paragraphs = document.querySelectorAll('[data-map-passage]');
  var current = null;
  var pending = false;
  addEventListener(
    'scroll',
    function () {
      if (pending) return;
      pending = true;
      requestAnimationFrame(function () {
        pending = false;
        var reading = null;
        paragraphs.forEach(function (p) {
          if (p.getBoundingClientRect().top < innerHeight * 0.55) reading = p;
        });
        var id = reading && reading.getAttribute('data-map-passage');
        if (id && id !== current) parent.sendMessage('mapexplainer:passage', (current = id));
      });
    },
    { passive: true },
  );
})();
