package com.escalationanalyst.e2e;

import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Camunda Tasklist as a user sees it: log in, start a process from its form, open a task, read a form-js table. */
final class Tasklist {

    static final String PATH = "/camunda/app/tasklist/default/";

    private final Browser browser;

    Tasklist(Browser browser) {
        this.browser = browser;
    }

    void logIn(String user, String password) {
        browser.open(PATH);
        browser.find(By.cssSelector("input[ng-model=username]")).sendKeys(user);
        browser.find(By.cssSelector("input[ng-model=password]")).sendKeys(password);
        browser.find(By.cssSelector("button[type=submit]")).click();
        browser.find(By.xpath("//*[normalize-space()='Start process']"));
    }

    /** Opens "Start process", picks the process by name and waits for its start form. */
    void openStartForm(String processName) {
        browser.open(PATH);
        browser.find(By.xpath("//a[normalize-space()='Start process'] | //button[normalize-space()='Start process']"))
                .click();
        By link = By.xpath("//div[contains(@class,'modal')]//a[normalize-space()='" + processName + "']");
        By form = By.cssSelector(".modal .fjs-form");
        // the dialog slides in (Bootstrap's fade): a click while it moves can miss the link, so it is clicked
        // again, as long as the list still shows, until the start form appears
        browser.until(driver -> {
            WebElement shown = displayed(driver, form);
            if (shown == null) {
                WebElement process = displayed(driver, link);
                if (process != null) {
                    try {
                        process.click();
                    } catch (org.openqa.selenium.ElementNotInteractableException stillMoving) {
                        // covered or not yet clickable: the next poll clicks again
                    }
                }
            }
            return shown;
        }, "the start form of " + processName);
    }

    private static WebElement displayed(org.openqa.selenium.WebDriver driver, By by) {
        return driver.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
    }

    /** The form-js input whose label reads {@code label}. */
    WebElement field(String label) {
        WebElement labelElement = browser.find(By.xpath(
                "//div[contains(@class,'fjs-form')]//label[starts-with(normalize-space(),'" + label + "')]"));
        return browser.driver().findElement(By.id(labelElement.getAttribute("for")));
    }

    void type(String label, String text) {
        WebElement input = field(label);
        input.clear();
        // clear() does not fire form-js's input handler when the field held a default: select all and replace
        input.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), text);
    }

    /** A form-js select (a dropdown of its own, not an HTML select): opens it and picks the option shown as {@code option}. */
    void choose(String label, String option) {
        WebElement labelElement = browser.find(By.xpath(
                "//div[contains(@class,'fjs-form')]//label[starts-with(normalize-space(),'" + label + "')]"));
        labelElement.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"))
                .findElement(By.cssSelector(".fjs-input-group")).click();
        browser.find(By.xpath("//div[contains(@class,'fjs-dropdownlist')]//*[normalize-space()='" + option + "']"))
                .click();
    }

    /** Clicks the start dialog's "Start" button and waits for its answer: the dialog closes, or shows an error. */
    void submitStart() {
        browser.find(By.xpath("//div[contains(@class,'modal')]//button[normalize-space()='Start']")).click();
        browser.until(d -> d.findElements(By.cssSelector(".modal .fjs-form")).stream().noneMatch(WebElement::isDisplayed)
                || d.findElements(By.cssSelector(".modal .alert-danger")).stream().anyMatch(WebElement::isDisplayed),
                "the process to start (or to be refused)");
    }

    /** The error Tasklist shows in the start dialog when the process refused to start. */
    String startError() {
        return browser.find(By.xpath("//div[contains(@class,'modal')]//*[contains(@class,'alert-danger')]")).getText();
    }

    /** Opens the newest task with this name from the "My tasks" list (newest first), reloading it until it shows. */
    void openTask(String taskName) {
        browser.open(PATH);
        long[] lastLoad = {System.nanoTime()};
        By task = By.xpath("//ol[contains(@class,'tasks-list')]//h4//a[normalize-space()='" + taskName + "']");
        WebElement link = browser.until(d -> {
            List<WebElement> tasks = d.findElements(task);
            if (tasks.isEmpty() && System.nanoTime() - lastLoad[0] > 10_000_000_000L) {
                d.navigate().refresh();
                lastLoad[0] = System.nanoTime();
            }
            return tasks.isEmpty() ? null : tasks.get(0);
        }, "the task '" + taskName + "' in the task list");
        link.click();
        browser.find(By.cssSelector(".fjs-form"));
    }

    /** The header and every row of the form-js table with this label, page after page. */
    List<List<String>> table(String label) {
        WebElement table = browser.find(By.xpath("//div[contains(@class,'fjs-form-field-table')]"
                + "[.//label[normalize-space()='" + label + "']]"));
        browser.script("arguments[0].scrollIntoView({block: 'start'});", table);
        List<List<String>> rows = new ArrayList<>();
        rows.add(table.findElements(By.cssSelector("thead th")).stream().map(e -> e.getText().strip()).toList());
        while (true) {
            for (WebElement tr : table.findElements(By.cssSelector("tbody tr"))) {
                rows.add(tr.findElements(By.cssSelector("td")).stream().map(e -> e.getText().strip()).toList());
            }
            List<WebElement> next = table.findElements(By.xpath(".//button[contains(@aria-label,'Next')]"));
            if (next.isEmpty() || !next.get(0).isEnabled()) {
                return rows;
            }
            next.get(0).click();
        }
    }

    /** Labels of the form's tables that need horizontal scrolling to be read. */
    List<String> overflowingTables() {
        List<String> wide = new ArrayList<>();
        for (WebElement field : browser.driver().findElements(By.cssSelector(".fjs-form-field-table"))) {
            WebElement inner = field.findElement(By.cssSelector(".fjs-table-inner-container"));
            Number overflow = (Number) browser.script("return arguments[0].scrollWidth - arguments[0].clientWidth;", inner);
            if (overflow.intValue() > 1) {
                wide.add(field.findElement(By.tagName("label")).getText() + " (" + overflow + " px too wide)");
            }
        }
        return wide;
    }
}
