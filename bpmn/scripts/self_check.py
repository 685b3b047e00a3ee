# Self check: proves Python script tasks run on this installation and summarises the stores.
# Inputs: ticketCount, escalatedCount, accountCount (numbers from the previous task).
# Outputs: pythonVersion, escalationRate (percent, or None without tickets), summary.
import sys

tickets = execution.getVariable("ticketCount")
escalated = execution.getVariable("escalatedCount")
accounts = execution.getVariable("accountCount")

rate = None
if tickets > 0:
    rate = escalated * 100.0 / tickets

version = "%d.%d.%d" % (sys.version_info[0], sys.version_info[1], sys.version_info[2])
if rate is None:
    summary = "No tickets yet; %d accounts. Python %s." % (accounts, version)
else:
    summary = "%d tickets (%.2f%% escalated), %d accounts. Python %s." % (tickets, rate, accounts, version)

execution.setVariable("pythonVersion", version)
execution.setVariable("escalationRate", rate)
execution.setVariable("summary", summary)
