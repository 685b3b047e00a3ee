# A step that fails on its fourth line, as a script with a bug would.
escalations = execution.getVariable("escalations")
tickets = 0
rate = escalations * 100 / tickets
execution.setVariable("rate", rate)
