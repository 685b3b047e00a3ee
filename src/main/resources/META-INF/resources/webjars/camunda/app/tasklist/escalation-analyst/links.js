// Links from Tasklist's header to the application's pages (the analyses archive, the reports, the knowledge).
const PAGES = [['Analyses', '/analyses'], ['Monthly reports', '/reports'], ['Knowledge', '/knowledge']];

export default {
  id: 'escalationAnalystLinks',
  pluginPoint: 'tasklist.navbar.action',
  priority: 50,
  render: (node) => {
    node.classList.add('escalation-analyst-links');
    // one row in the header beside Tasklist's own actions
    node.style.display = 'flex';
    node.style.alignItems = 'center';
    node.style.whiteSpace = 'nowrap';
    PAGES.forEach(([label, path]) => {
      const link = document.createElement('a');
      link.href = path;
      link.textContent = label;
      link.style.display = 'inline-block';
      link.style.padding = '0 0.6em';
      node.appendChild(link);
    });
  }
};
