// Stands in for AMP's runtime: amp-iframe (resizable) takes the frame's embed-size requests from its
// own iframe and resizes it. It records them for the test's assertions.
(function () {
  var frame = document.querySelector('.amp-map');
  window.ampMessages = [];
  window.otherMessages = [];
  addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || data.sentinel !== 'amp' || data.type !== 'embed-size') {
      window.otherMessages.push(data);
      return;
    }
    window.ampMessages.push(data);
    frame.style.height = data.height + 'px';
  });
})();
