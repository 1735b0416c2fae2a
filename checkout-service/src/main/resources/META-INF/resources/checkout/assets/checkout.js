/*
 * Hosted checkout card form: input formatting, a client-side Luhn and expiry check, then
 * create (or get back) the payment intent and confirm it. Plain JavaScript, no dependencies, so the
 * page works offline and under a strict Content-Security-Policy. The server re-checks everything.
 */
(function () {
  'use strict';

  var form = document.getElementById('pay-form');
  if (!form) {
    return;
  }
  var inputs = {
    email: document.getElementById('email'),
    card_number: document.getElementById('card_number'),
    expiry: document.getElementById('expiry'),
    cvc: document.getElementById('cvc'),
    cardholder_name: document.getElementById('cardholder_name')
  };
  var button = document.getElementById('pay-button');
  var processing = document.getElementById('processing');
  var notice = document.getElementById('notice');
  var brandLabel = document.getElementById('card-brand');
  var payLabel = button.textContent;
  var intent = null;
  var closed = false;

  function digits(value) {
    return value.replace(/\D/g, '');
  }

  function brandOf(d) {
    if (/^4/.test(d)) { return 'visa'; }
    if (/^3[47]/.test(d)) { return 'amex'; }
    if (/^(5[1-5]|2(2[2-9][1-9]|2[3-9]\d|[3-6]\d\d|7[01]\d|720))/.test(d)) { return 'mastercard'; }
    if (/^(6011|65|64[4-9])/.test(d)) { return 'discover'; }
    if (/^35(2[89]|[3-8]\d)/.test(d)) { return 'jcb'; }
    if (/^3(0[0-5]|[68])/.test(d)) { return 'diners'; }
    return '';
  }

  var BRAND_NAMES = {
    visa: 'Visa', amex: 'Amex', mastercard: 'Mastercard', discover: 'Discover', jcb: 'JCB',
    diners: 'Diners'
  };

  function luhn(d) {
    var sum = 0;
    var double = false;
    for (var i = d.length - 1; i >= 0; i--) {
      var n = d.charCodeAt(i) - 48;
      if (double) {
        n *= 2;
        if (n > 9) { n -= 9; }
      }
      sum += n;
      double = !double;
    }
    return d.length > 0 && sum % 10 === 0;
  }

  function formatCard(d, brand) {
    var groups = brand === 'amex' ? [4, 6, 5] : [4, 4, 4, 4, 3];
    var out = [];
    var at = 0;
    for (var g = 0; g < groups.length && at < d.length; g++) {
      out.push(d.substr(at, groups[g]));
      at += groups[g];
    }
    return out.join(' ');
  }

  function keepCaretAtEnd(input, formatted) {
    var atEnd = input.selectionStart === input.value.length;
    input.value = formatted;
    if (atEnd) {
      input.setSelectionRange(formatted.length, formatted.length);
    }
  }

  inputs.card_number.addEventListener('input', function () {
    var d = digits(inputs.card_number.value).slice(0, 19);
    var brand = brandOf(d);
    keepCaretAtEnd(inputs.card_number, formatCard(d, brand));
    brandLabel.textContent = BRAND_NAMES[brand] || '';
    inputs.cvc.maxLength = brand === 'amex' ? 4 : 3;
  });

  inputs.expiry.addEventListener('input', function (event) {
    var d = digits(inputs.expiry.value).slice(0, 4);
    if (d.length === 1 && d > '1') {
      d = '0' + d;
    }
    var deleting = event.inputType && event.inputType.indexOf('delete') === 0;
    var formatted = d.length >= 3 || (d.length === 2 && !deleting) ? d.slice(0, 2) + ' / ' + d.slice(2) : d;
    keepCaretAtEnd(inputs.expiry, formatted);
  });

  inputs.cvc.addEventListener('input', function () {
    inputs.cvc.value = digits(inputs.cvc.value).slice(0, inputs.cvc.maxLength || 4);
  });

  function parseExpiry() {
    var d = digits(inputs.expiry.value);
    if (d.length !== 4) { return null; }
    return { month: parseInt(d.slice(0, 2), 10), year: 2000 + parseInt(d.slice(2), 10) };
  }

  function validate() {
    var errors = {};
    var card = digits(inputs.card_number.value);
    if (card.length === 0) {
      errors.card_number = 'Enter your card number.';
    } else if (card.length < 12 || !luhn(card)) {
      errors.card_number = 'Your card number is invalid.';
    }
    var exp = parseExpiry();
    var now = new Date();
    if (!exp || exp.month < 1 || exp.month > 12) {
      errors.expiry = 'Enter the expiry date as MM / YY.';
    } else if (exp.year < now.getFullYear() ||
               (exp.year === now.getFullYear() && exp.month < now.getMonth() + 1)) {
      errors.expiry = "Your card's expiry date is in the past.";
    }
    var cvcLength = brandOf(card) === 'amex' ? 4 : 3;
    if (digits(inputs.cvc.value).length !== cvcLength) {
      errors.cvc = 'Enter the ' + cvcLength + '-digit security code.';
    }
    if (inputs.cardholder_name.value.trim() === '') {
      errors.cardholder_name = 'Enter the name on the card.';
    }
    var email = inputs.email.value.trim();
    if (email !== '' && !/^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/.test(email)) {
      errors.email = 'Enter a valid email address, or leave it empty.';
    }
    return errors;
  }

  function showFieldError(field, message) {
    var input = inputs[field];
    var slot = document.getElementById(field + '-error');
    if (input) { input.setAttribute('aria-invalid', message ? 'true' : 'false'); }
    if (slot) { slot.textContent = message || ''; }
  }

  function clearErrors() {
    Object.keys(inputs).forEach(function (f) { showFieldError(f, ''); });
    showNotice('');
  }

  function showNotice(message) {
    notice.textContent = message;
    notice.classList.toggle('hidden', !message);
  }

  function setBusy(busy, label) {
    button.disabled = busy || closed;
    button.textContent = busy ? (label || 'Processing\u2026') : payLabel;
    processing.classList.toggle('hidden', !busy);
  }

  function close(message) {
    closed = true;
    setBusy(false);
    button.disabled = true;
    showNotice(message);
  }

  function request(url, body) {
    var options = { method: 'POST', headers: { Accept: 'application/json' }, credentials: 'same-origin' };
    if (body) {
      options.headers['Content-Type'] = 'application/json';
      options.body = body;
    }
    return fetch(url, options).then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (ignored) { json = null; }
        return { status: response.status, body: json };
      });
    });
  }

  function getIntent() {
    if (intent) {
      return Promise.resolve({ status: 201, body: intent });
    }
    return request(form.dataset.intentUrl, form.dataset.intentBody || null).then(function (r) {
      if (r.status === 201 && r.body) {
        intent = r.body;
      }
      return r;
    });
  }

  function confirm() {
    var exp = parseExpiry();
    var email = inputs.email.value.trim();
    return request('/v1/payments/intent/' + encodeURIComponent(intent.payment_intent_id) + '/confirm',
      JSON.stringify({
        client_secret: intent.client_secret,
        card_number: digits(inputs.card_number.value),
        exp_month: exp.month,
        exp_year: exp.year,
        cvc: digits(inputs.cvc.value),
        cardholder_name: inputs.cardholder_name.value.trim(),
        email: email === '' ? null : email
      }));
  }

  var FIELD_OF = { exp_month: 'expiry', exp_year: 'expiry' };

  function handleProblem(r) {
    var body = r.body || {};
    if (r.status === 402 && body.error) {
      setBusy(false);
      inputs.cvc.value = '';
      showNotice(body.error.message);
      return;
    }
    if (r.status === 422 && body.detail) {
      setBusy(false);
      var general = [];
      body.detail.forEach(function (d) {
        var field = d.loc && d.loc.length > 1 ? (FIELD_OF[d.loc[1]] || d.loc[1]) : null;
        if (field && inputs[field]) {
          showFieldError(field, d.msg.charAt(0).toUpperCase() + d.msg.slice(1) + '.');
        } else {
          general.push(d.msg);
        }
      });
      if (general.length) { showNotice(general.join(' ')); }
      return;
    }
    if ((r.status === 404 || r.status === 409 || r.status === 410) && body.content) {
      close(body.content);
      return;
    }
    setBusy(false);
    showNotice('Something went wrong on our side. No payment was made; please try again.');
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (closed || button.disabled) {
      return;
    }
    clearErrors();
    var errors = validate();
    var fields = Object.keys(errors);
    if (fields.length) {
      fields.forEach(function (f) { showFieldError(f, errors[f]); });
      inputs[fields[0]].focus();
      return;
    }
    setBusy(true);
    getIntent()
      .then(function (r) {
        if (r.status !== 201) {
          handleProblem(r);
          return null;
        }
        return confirm();
      })
      .then(function (r) {
        if (!r) {
          return;
        }
        if (r.status === 200 && r.body) {
          if (r.body.status === 'succeeded') {
            setBusy(true, 'Payment successful');
            if (r.body.redirect_url) {
              window.location.assign(r.body.redirect_url);
            } else {
              close('Payment successful. You can close this page.');
            }
            return;
          }
          if (r.body.status === 'requires_action' && r.body.next_action) {
            setBusy(true, 'Verifying with your bank\u2026');
            window.location.assign(r.body.next_action.url);
            return;
          }
        }
        handleProblem(r);
      })
      .catch(function () {
        setBusy(false);
        showNotice('We could not reach the payment service. Check your connection and try again.');
      });
  });
})();
