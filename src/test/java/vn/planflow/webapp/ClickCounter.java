package vn.planflow.webapp;

import java.util.Collection;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.events.WebDriverListener;

/**
 * Counts a browser's mouse clicks (element clicks and the pickers' Actions clicks). Public, and a
 * class of its own: Selenium's EventFiringDecorator calls its listener by reflection and cannot
 * reach the methods of an anonymous class (every call then failed with IllegalAccessException and
 * nothing was counted).
 */
public class ClickCounter implements WebDriverListener {

  private int clicks;

  @Override
  public void afterClick(WebElement element) {
    clicks++;
  }

  @Override
  public void afterPerform(WebDriver driver, Collection<Sequence> actions) {
    clicks++;
  }

  /** The clicks since the last call. */
  public int take() {
    int taken = clicks;
    clicks = 0;
    return taken;
  }
}
