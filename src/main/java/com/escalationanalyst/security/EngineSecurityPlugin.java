package com.escalationanalyst.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine's own security settings, in one place:
 * <ul>
 * <li>the password policy of {@link PasswordRules} for every user;</li>
 * <li>failed logins never lock a user: Camunda's counter would lock a user for good after a number of wrong
 *     passwords that anybody can send. {@link LoginThrottle} slows attackers per user and per client address
 *     instead, so the engine is left with no delay and no permanent lock;</li>
 * <li>object variables are only ever read back as types of an allow-list (Jackson would otherwise instantiate
 *     any class a caller names in {@code objectTypeName}): the engine's built-in list of {@code java.lang} and
 *     the JDK's common collections, which covers everything the application stores; nothing is added.</li>
 * </ul>
 */
@Component
class EngineSecurityPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnablePasswordPolicy(true);
        configuration.setPasswordPolicy(new PasswordRules());
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayMaxTime(0);
        configuration.setDeserializationTypeValidationEnabled(true);
    }
}
