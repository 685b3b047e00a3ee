// Cockpit's dashboard: where finished analyses, reports and the knowledge are (Cockpit does not open finished
// process instances).
const PAGES = [['Analyses archive', '/analyses'], ['Monthly reports', '/reports'], ['Knowledge', '/knowledge'],
  ['Tickets', '/tickets'], ['SLA monitor', '/sla']];

export default {
  id: 'escalationAnalystLinks',
  pluginPoint: 'cockpit.dashboard',
  priority: 50,
  render: (node) => {
    const section = document.createElement('section');
    section.className = 'escalation-analyst-links';
    const heading = document.createElement('h3');
    heading.textContent = 'Escalation Analyst';
    section.appendChild(heading);
    PAGES.forEach(([label, path]) => {
      const link = document.createElement('a');
      link.href = path;
      link.textContent = label;
      link.style.marginRight = '1.5em';
      section.appendChild(link);
    });
    node.appendChild(section);
  }
};
