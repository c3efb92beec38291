package io.recoveryportal.web;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;

/**
 * A form posted after its view expired (a tab left open overnight, a replayed post) sends the
 * person to the plain "this page has expired" page. The recovery page is the exception: its state
 * lives in the database, bound to the attempt cookie, so a form that another node of a cluster
 * never rendered (the node that did has died, or the balancer moved the person) is shown again,
 * fresh, where the person can go on. Faces wraps the ViewExpiredException in other exceptions,
 * which the servlet container's error-page matching would not see through; everything else goes on
 * to the 500 page.
 */
public class ExpiredViewExceptionHandler extends ExceptionHandlerWrapper {

  private static final String RECOVER_PAGE = "/recover.xhtml";

  public ExpiredViewExceptionHandler(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() throws FacesException {
    for (Iterator<ExceptionQueuedEvent> it = getUnhandledExceptionQueuedEvents().iterator();
        it.hasNext(); ) {
      Throwable t = it.next().getContext().getException();
      while (t != null && !(t instanceof ViewExpiredException)) {
        t = t.getCause();
      }
      if (t != null) {
        it.remove();
        FacesContext fc = FacesContext.getCurrentInstance();
        String page =
            RECOVER_PAGE.equals(((ViewExpiredException) t).getViewId())
                ? RECOVER_PAGE
                : "/error/expired.html";
        try {
          fc.getExternalContext().redirect(fc.getExternalContext().getRequestContextPath() + page);
          fc.responseComplete();
        } catch (IOException e) {
          throw new FacesException(e);
        }
        return;
      }
    }
    getWrapped().handle();
  }

  /** Registered in faces-config.xml. */
  public static class Factory extends ExceptionHandlerFactory {

    public Factory(ExceptionHandlerFactory wrapped) {
      super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
      return new ExpiredViewExceptionHandler(getWrapped().getExceptionHandler());
    }
  }
}
