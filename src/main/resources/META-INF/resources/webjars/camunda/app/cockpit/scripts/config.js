// Cockpit's configuration in this application: a dashboard plugin linking to the application's own pages
// (escalation-analyst/links.js); finished analyses are found there, not in Cockpit.
export default {
  customScripts: ['escalation-analyst/links']
};
