// Links from Tasklist's header to the application's pages (the analyses archive, the reports, the knowledge).
const PAGES = [['Analyses', '/analyses'], ['Monthly reports', '/reports'], ['Knowledge', '/knowledge']];

export default {
  id: 'escalationAnalystLinks',
  pluginPoint: 'tasklist.navbar.action',
  priority: 50,
  render: (node) => {
    node.classList.add('escalation-analyst-links');
    PAGES.forEach(([label, path]) => {
      const link = document.createElement('a');
      link.href = path;
      link.textContent = label;
      link.style.marginRight = '1em';
      node.appendChild(link);
    });
  }
};
