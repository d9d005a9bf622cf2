/*
 * planflow: Tasklist lists an official's work soonest due first.
 *
 * Tasklist 7.24 orders its list by the `sorting` parameter of its address and, where there is
 * none, by creation date, newest first; the order stored with a filter is not used. This script,
 * loaded through Tasklist's `customScripts` before the app starts, gives the list an address
 * sorted by due date, ascending, whenever it has no order of its own. An order the official picks
 * in the list's header is kept: it is then in the address.
 */
const angular = window.angular;
const DUE_DATE_FIRST = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]);

if (angular) {
  angular.module('cam.tasklist.custom').run(['$rootScope', '$location', ($rootScope, $location) => {
    const soonestDueFirst = () => {
      if ($location.path() === '/' && !$location.search().sorting) {
        $location.search('sorting', DUE_DATE_FIRST).replace();
      }
    };
    soonestDueFirst();
    $rootScope.$on('$locationChangeSuccess', soonestDueFirst);
  }]);
}
