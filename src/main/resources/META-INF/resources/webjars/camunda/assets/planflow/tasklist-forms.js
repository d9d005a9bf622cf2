/*
 * planflow: "Hoàn thành" of a Camunda Form is disabled only while the form shows an error.
 *
 * Tasklist 7.24 disables the button whenever form-js's `errors` state has any key. form-js
 * records the errors of a field inside a dynamic list under [field id, row index], and when the
 * field is valid it removes the row's entry but leaves the field's key with an empty array. Every
 * field of a list row that starts with a value (form-js checks those at once), or that the
 * official types into or leaves, therefore disabled the button for good, with no message:
 * `synthesizeOpinions` and `submitReport` could not be completed in Tasklist.
 *
 * This script, loaded through Tasklist's `customScripts` before the app starts, keeps Tasklist's
 * own rule for everything else and bases the button on the errors form-js actually shows under
 * the fields. Completing still runs form-js's full validation first (an empty required field is
 * then shown and nothing is sent), and the server checks every variable again.
 */
const angular = window.angular;

/** The messages form-js shows under the fields of this form, e.g. "Field is required.". */
function shownErrors(container) {
  return Array.from(container.querySelectorAll('.fjs-form-field-error'))
    .map(element => element.textContent.trim())
    .filter(text => text !== '');
}

function decorate($delegate) {
  const directive = $delegate[0];
  const compile = directive.compile;
  directive.compile = function () {
    const link = compile.apply(this, arguments);
    return function (scope, element, attrs, formController) {
      const notify = formController.notifyFormValidated;
      const failed = formController.notifyFormInitializationFailed;
      let loadFailed = false;
      let pending = false;
      const update = () => {
        pending = false;
        notify(loadFailed || shownErrors(element[0]).length > 0);
      };
      // form-js draws after it reports a change: decide once the fields show the new state.
      const schedule = () => {
        if (!pending) {
          pending = true;
          window.setTimeout(update, 0);
        }
      };
      formController.notifyFormValidated = schedule;
      formController.notifyFormInitializationFailed = function () {
        loadFailed = true;
        return failed.apply(this, arguments);
      };
      const observer = new MutationObserver(schedule);
      observer.observe(element[0], {childList: true, subtree: true, characterData: true});
      scope.$on('$destroy', () => observer.disconnect());
      return link.apply(this, arguments);
    };
  };
  return $delegate;
}

if (angular) {
  angular.module('cam.tasklist.custom').config(['$provide', $provide => {
    $provide.decorator('camTasklistFormCamundaDirective', ['$delegate', decorate]);
  }]);
}
