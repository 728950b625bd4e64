/* Magento-style widget: options come from the layout XML. */
(function ($) {
  $.widget('dr.directDebit', {
    _placeOrder: function () {
      var sourceData = $.extend(true, {}, this.options.sourceDefaults, {
        type: 'directDebit',
        sessionId: checkout.payment.session.id,
        directDebit: { returnUrl: this.options.returnUrl }
      });
      return this.options.drjs.createSource(sourceData);
    }
  });
})(jQuery);
